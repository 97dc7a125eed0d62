import { describeApiE2e } from './support/api-e2e.scenarios';
import { embeddedApi } from './support/real-api';

describeApiE2e('embedded (SQLite + in-process queue)', embeddedApi);
