import { defaultOpenApiDir } from '../stand-in/options';
import secretScanStart from './secretScanStart';

/**
 * Jest's global setup. Without Quo's OpenAPI documents, the tests that check requests against them are skipped with
 * a warning; in CI (CI=true) that would pass a run that checked less, so the run fails here instead, unless the CI
 * says it has no copy (QUO_OPENAPI_OPTIONAL=true: GitHub Actions, where the documents are not ours to ship).
 */
export default function globalSetup(): void {
	if (
		process.env.CI === 'true' &&
		process.env.QUO_OPENAPI_OPTIONAL !== 'true' &&
		defaultOpenApiDir() === null
	) {
		throw new Error(
			"Quo's OpenAPI documents are missing: no ../shared/quo-api next to the repository and no QUO_OPENAPI_DIR. " +
				'Every request the nodes send is checked against them, so under CI=true the run stops here ' +
				'(QUO_OPENAPI_OPTIONAL=true lets it go on without them, skipping those checks).',
		);
	}
	secretScanStart();
}
