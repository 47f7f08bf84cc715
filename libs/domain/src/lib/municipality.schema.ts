import { z } from 'zod';

/** `koers.yaml` at the root of a workspace: which municipality the workspace is of. */
export const workspaceSettingsSchema = z
  .object({
    municipality: z.string().min(1, 'must name the municipality (for example "Uithoorn")').optional(),
  })
  .strict();

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** A municipality served by this installation; its id is the folder name of its workspace. */
export interface Municipality {
  readonly id: string;
  readonly name: string;
}
