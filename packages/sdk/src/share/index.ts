export { intentUrl, type IntentOptions } from './intent-url.js';
export { INSTANCE_HOST_MAX_LENGTH, INSTANCE_HOST_PATTERN, isInstanceHost } from './instance-host.js';
export { composePost, composeTextOnly, type ShareText } from './compose.js';
export { NETWORK_ORIGINS, prefilledTextSurvives, urlTravelsInText } from './networks.js';
export { checkTextLength, textLength, TEXT_RULES, type TextCheck } from './text-length.js';
export { checkPost } from './check-post.js';
