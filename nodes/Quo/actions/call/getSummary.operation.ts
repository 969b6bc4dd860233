import { artifactOperation } from './shared';

export const { description, execute } = artifactOperation('getSummary', 'call-summaries');

export const readOnly = true;
