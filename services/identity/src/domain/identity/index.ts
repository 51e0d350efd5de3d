export { identityDecider } from './identity.decider';
export * from './identity.commands';
export * from './identity.events';
export { INACTIVE_IN_HR, TERMINATION_DATE_IN_HR } from './sync-from-hr';
export { ATTRIBUTE_NAMES, diffAttributes, type AttributeDiff, type AttributeName, type AttributeValues } from './attribute-diff';
export { classifyAttributeChange, type Lifecycle } from './lifecycle';
export { isIsoDate, utcDateOf, type IsoDate } from './dates';
