import { artifactOperation } from './shared';

export const { description, execute } = artifactOperation('getTranscript', 'call-transcripts');

export const readOnly = true;
