// What the judgements feature offers other features: the argument picture.
export { ArgumentMap } from './ArgumentMap';
