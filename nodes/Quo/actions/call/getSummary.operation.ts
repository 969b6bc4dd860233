import { artifactOperation } from './artifact';

export const { description, execute } = artifactOperation('getSummary', 'call-summaries');
