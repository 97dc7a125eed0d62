import { createConnection } from 'mysql2/promise';
import { connectTestRedis, createTestDatabase, dropTestDatabase, TEST_MYSQL_URL } from './test-services';

// The integration run must fail, never skip, when a real service is missing.
describe('integration services', () => {
  it('creates and drops a private MariaDB database', async () => {
    const db = await createTestDatabase('svc');
    const connection = await createConnection(db.url);
    const [rows] = await connection.query('SELECT DATABASE() AS name');
    await connection.end();
    expect(rows).toEqual([{ name: db.name }]);
    await dropTestDatabase(db.name);
    const admin = await createConnection(TEST_MYSQL_URL);
    const [left] = await admin.query('SHOW DATABASES LIKE ?', [db.name]);
    await admin.end();
    expect(left).toEqual([]);
  });

  it('reaches Redis', async () => {
    const redis = connectTestRedis();
    const key = `bamboo-test-ping-${Date.now()}`;
    await redis.set(key, 'pong', 'EX', 10);
    expect(await redis.get(key)).toBe('pong');
    await redis.del(key);
    redis.disconnect();
  });
});
