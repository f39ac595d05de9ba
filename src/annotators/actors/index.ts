/**
 * Actors: who appears in the coverage. A registry of people, states and
 * organisations (registry.yaml, extended with user files) and a matcher that finds
 * their mentions with character offsets.
 */
export {
  loadRegistry,
  createRegistry,
  buildRegistry,
  readRegistryFile,
  rolesOn,
  registryFileSchema,
  registryMessages,
  KIT_REGISTRY,
  type Registry,
  type Actor,
  type ActorRole,
  type Country,
  type RegistryFile,
  type RegistryFileInput,
} from './registry';
export { findMentions } from './match';
export { resolvePronoun, PRONOUN_REACH } from './pronouns';
export { loadMatchingRules, MATCHING_RULES, type MatchingRules } from './rules';
export { isHeadlineCase } from './text';
