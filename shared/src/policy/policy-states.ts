import { z } from 'zod';

/** A service's state in the org's policy. `unreviewed` is the default for catalog services without a decision. */
export const policyStates = ['approved', 'conditional', 'unreviewed', 'unapproved', 'blocked'] as const;
export const policyStateSchema = z.enum(policyStates);
export type PolicyState = z.infer<typeof policyStateSchema>;

/** Rollout mode: monitor logs only, coach warns, enforce also blocks what is blocked. */
export const rolloutModes = ['monitor', 'coach', 'enforce'] as const;
export const rolloutModeSchema = z.enum(rolloutModes);
export type RolloutMode = z.infer<typeof rolloutModeSchema>;

/** What the extension does when it has never reached the portal and holds no policy. */
export const failModes = ['open', 'closed'] as const;
export const failModeSchema = z.enum(failModes);
export type FailMode = z.infer<typeof failModeSchema>;
