import { describeApiE2e } from './support/api-e2e.scenarios';
import { describePluginExecutionsE2e } from './support/plugin-executions.scenarios';
import { distributedApi } from './support/real-api';

describeApiE2e('distributed (MySQL + Bull on Redis)', distributedApi);
describePluginExecutionsE2e('distributed (MySQL + Bull on Redis)', distributedApi);
