export { intentUrl, isInstanceHost, type IntentOptions } from './intent-url.js';
export { composePost, composeTextOnly, type ShareText } from './compose.js';
export { NETWORK_ORIGINS, prefilledTextSurvives, urlTravelsInText } from './networks.js';
export { checkTextLength, textLength, TEXT_RULES, type TextCheck } from './text-length.js';
