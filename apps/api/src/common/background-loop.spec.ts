import { Logger } from '@nestjs/common';
import { BackgroundLoop } from './background-loop';

describe(BackgroundLoop.name, () => {
  const logger = new Logger('test');

  it('should run turns back to back while they are busy, and stop after the turn in hand', async () => {
    let turns = 0;
    const sut = new BackgroundLoop('test', async () => ++turns < 5, 60_000, logger);
    sut.start();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await sut.stop();
    expect(turns).toBe(5);
  });

  it('should start the next turn at once when woken during a turn', async () => {
    let turns = 0;
    let release: () => void = () => undefined;
    const sut = new BackgroundLoop('test', () => new Promise<boolean>((resolve) => {
      turns += 1;
      release = () => resolve(false);
    }), 60_000, logger);
    sut.start();
    await new Promise((resolve) => setImmediate(resolve));
    sut.wake();
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns).toBe(2);
    const stopped = sut.stop();
    release();
    await stopped;
  });

  it('should keep going after a failed turn, logging it', async () => {
    const errors: string[] = [];
    const quietLogger = { error: (message: string) => errors.push(message) } as unknown as Logger;
    let turns = 0;
    const sut = new BackgroundLoop('Sealing', async () => {
      turns += 1;
      if (turns === 1) throw new Error('database away');
      return false;
    }, 1, quietLogger);
    sut.start();
    while (turns < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    await sut.stop();
    expect(errors).toEqual(['Sealing turn failed: database away']);
  });
});
