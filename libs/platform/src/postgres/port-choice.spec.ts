import net from 'node:net';
import { choosePort, isPortFree } from './port-choice';

const freeExcept =
  (...busy: number[]) =>
  async (port: number): Promise<boolean> =>
    !busy.includes(port);

describe('choosing the embedded PostgreSQL port', () => {
  it('reuses the port recorded last time when it is free', async () => {
    expect(await choosePort({ recorded: 55440, preferred: 55432 }, freeExcept())).toBe(55440);
  });

  it('starts from the preferred port when nothing was recorded', async () => {
    expect(await choosePort({ preferred: 55432 }, freeExcept())).toBe(55432);
  });

  it('probes upward from the preferred port when the recorded one is taken', async () => {
    expect(await choosePort({ recorded: 55440, preferred: 55432 }, freeExcept(55440, 55432, 55433))).toBe(55434);
  });

  it('says which range it searched when every port is taken', async () => {
    await expect(choosePort({ preferred: 55432, maxProbes: 3 }, freeExcept(55432, 55433, 55434))).rejects.toMatchObject({
      code: 'NO_FREE_PORT',
      message: 'No free port for the embedded PostgreSQL between 55432 and 55434.',
    });
  });

  it('sees a port as taken while a real server listens on it, and free once it is closed', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    expect(await isPortFree(port)).toBe(false);
    await new Promise((resolve) => server.close(resolve));
    expect(await isPortFree(port)).toBe(true);
  });
});
