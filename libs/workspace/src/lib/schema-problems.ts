import type { WorkspaceProblem } from '@koers/domain';
import { z } from 'zod';
import { closestMatch } from './closest-match';
import { formatField, valueAt } from './field-path';
import { describeValue, quotePreview } from './value-preview';
import type { YamlFile } from './yaml-file';

const expectedWords: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping ("key: value" lines)',
  record: 'a mapping ("key: value" lines)',
};

/**
 * Turns the issues of a zod parse into problems that say where (line and field
 * path in the YAML) and how to fix. An unknown field gives one problem per key,
 * on that key's line, with the allowed fields and the nearest one.
 */
export function schemaProblems(schema: z.ZodType, yaml: YamlFile, issues: readonly z.core.$ZodIssue[]): WorkspaceProblem[] {
  // One problem a field: zod may add a follow-up issue (an object's refinement
  // over a value that already failed), which only repeats the first.
  const fields = new Set<string>();
  const firstPerField = issues.filter((issue) => {
    const field = formatField(issue.path);
    if (issue.code === 'unrecognized_keys' || !fields.has(field)) {
      fields.add(field);
      return true;
    }
    return false;
  });
  return firstPerField.flatMap((issue): WorkspaceProblem[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path);
      return issue.keys.map((key) => {
        const nearest = closestMatch(key, allowed);
        const hint = nearest ? `did you mean "${nearest}"? ` : '';
        return {
          file: yaml.file,
          line: yaml.lineOf([...path, key]),
          field: formatField([...path, key]),
          message: `unknown field ${quotePreview(key)}: ${hint}rename or remove it; allowed here: ${allowed.join(', ')}`,
        };
      });
    }
    return [{ file: yaml.file, line: yaml.lineOf(path), field: formatField(path), message: issueMessage(issue, yaml.value) }];
  });
}

function issueMessage(issue: z.core.$ZodIssue, document: unknown): string {
  const found = valueAt(document, issue.path);
  // zod's own messages start like this; ours (in @koers/domain) say how to fix.
  const isCustom = !/^(Invalid|Too big|Too small)/.test(issue.message);
  if (found === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const expected = issue.code === 'invalid_type' ? (expectedWords[issue.expected] ?? issue.expected) : issue.message;
    return `is required but missing: add it (${expected})`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${expectedWords[issue.expected] ?? issue.expected}, found ${describeValue(found)}`;
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? 'is not an allowed key';
      const key = String(issue.path[issue.path.length - 1]);
      return `key ${quotePreview(key)}: ${reason}`;
    }
    case 'invalid_union': {
      const expected = [
        ...new Set(issue.errors.flatMap((branch) => branch.flatMap((inner) => (inner.code === 'invalid_type' ? [expectedWords[inner.expected] ?? inner.expected] : [])))),
      ];
      const wanted = expected.length > 0 ? `must be ${expected.join(' or ')}` : 'has the wrong form';
      return `${wanted}, found ${describeValue(found)}`;
    }
    case 'too_big':
      return isCustom ? `${issue.message}, found ${describeValue(found)}` : `must be at most ${String(issue.maximum)}, found ${describeValue(found)}`;
    case 'too_small':
      return isCustom ? `${issue.message}, found ${describeValue(found)}` : `must be at least ${String(issue.minimum)}, found ${describeValue(found)}`;
    default:
      return found === undefined ? issue.message : `${issue.message}, found ${describeValue(found)}`;
  }
}

/** Strips the wrappers that do not change which keys an object allows. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) {
    return unwrap(schema.unwrap());
  }
  if (schema instanceof z.ZodPipe) return unwrap(schema.in);
  return schema;
}

/** The field names the schema allows for the object at `path`. */
function allowedKeys(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = current.shape[String(segment)];
    else if (current instanceof z.ZodArray) current = current.element;
    else if (current instanceof z.ZodRecord) current = current.valueType;
    else current = undefined;
    if (!current) return [];
    current = unwrap(current);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}
