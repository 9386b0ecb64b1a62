// The window app (not headless) on the offscreen platform: one instance per user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startGateway, runGateway, httpRequest } from './lib/harness.mjs';

test('a second start hands over to the running instance and exits 0', async () => {
  const first = await startGateway({ headless: false, env: { QT_QPA_PLATFORM: 'offscreen' } });
  try {
    assert.equal((await httpRequest({ url: `${first.url}/` })).status, 200);
    // Same user: the second run shares the first one's home and settings folders.
    const second = await runGateway({
      headless: false,
      args: ['--port', '0'],
      env: { QT_QPA_PLATFORM: 'offscreen', HOME: first.dirs.home, XDG_CONFIG_HOME: first.dirs.config,
             XDG_DATA_HOME: first.dirs.data, XDG_CACHE_HOME: first.dirs.cache, XDG_RUNTIME_DIR: first.dirs.runtime },
      timeoutMs: 10000,
    });
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /already running/);
    assert.ok(!second.stdout.includes('"msg":"listening"'), 'the second start did not start a gateway');
  } finally {
    assert.equal(await first.stop(), 0);
  }
});

test('the desktop app keeps its response cache across restarts by default; headless does not', async () => {
  const desktop = await startGateway({ headless: false, env: { QT_QPA_PLATFORM: 'offscreen' } });
  const headless = await startGateway({});
  try {
    assert.equal(JSON.parse((await httpRequest({ url: `${desktop.url}/v1/cache` })).body).persistent, true);
    assert.equal(JSON.parse((await httpRequest({ url: `${headless.url}/v1/cache` })).body).persistent, false);
  } finally {
    await headless.stop();
    await desktop.stop();
  }
  const optedOut = await startGateway({ headless: false, env: { QT_QPA_PLATFORM: 'offscreen', CACHE_PERSIST: 'false' } });
  try {
    assert.equal(JSON.parse((await httpRequest({ url: `${optedOut.url}/v1/cache` })).body).persistent, false);
  } finally {
    await optedOut.stop();
  }
});

test('another user (settings folder) gets its own instance', async () => {
  const first = await startGateway({ headless: false, env: { QT_QPA_PLATFORM: 'offscreen' } });
  const other = await startGateway({ headless: false, env: { QT_QPA_PLATFORM: 'offscreen' } });
  try {
    assert.notEqual(first.port, other.port);
  } finally {
    await other.stop();
    await first.stop();
  }
});
