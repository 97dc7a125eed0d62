import { describeApiE2e } from './support/api-e2e.scenarios';
import { describePluginExecutionsE2e } from './support/plugin-executions.scenarios';
import { embeddedApi } from './support/real-api';

describeApiE2e('embedded (SQLite + in-process queue)', embeddedApi);
describePluginExecutionsE2e('embedded (SQLite + in-process queue)', embeddedApi);
