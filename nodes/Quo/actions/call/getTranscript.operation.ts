import { artifactOperation } from './artifact';

export const { description, execute } = artifactOperation('getTranscript', 'call-transcripts');
