// Public API of the KPI engine: see README.md.
export {};
