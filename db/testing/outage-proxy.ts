import net from "node:net";

export type OutageProxy = {
  /** The upstream URL with its host and port replaced by the proxy's. */
  url: string;
  /** The database becomes unreachable: open connections are cut, new ones accepted and never answered. */
  blackhole: () => void;
  /** Open connections go silent both ways but stay open (a partition); new ones still go through. */
  freeze: () => void;
  /** The database is back for new connections; those held meanwhile stay silent, as after a partition. */
  restore: () => void;
  close: () => Promise<void>;
};

/** A loopback TCP proxy in front of a PostgreSQL URL that a test can switch off and on. */
export async function startOutageProxy(upstreamUrl: string): Promise<OutageProxy> {
  const upstream = new URL(upstreamUrl);
  const target = { host: upstream.hostname, port: Number(upstream.port || 5432) };
  const piped = new Set<net.Socket>();
  const held = new Set<net.Socket>();
  const pairs = new Map<net.Socket, net.Socket>();
  let down = false;
  const track = (set: Set<net.Socket>, socket: net.Socket) => {
    set.add(socket);
    socket.on("close", () => set.delete(socket));
    socket.on("error", () => {});
  };
  const server = net.createServer((client) => {
    if (down) return track(held, client);
    const server = net.connect(target.port, target.host);
    track(piped, client);
    track(piped, server);
    client.pipe(server).pipe(client);
    pairs.set(client, server);
    client.on("close", () => {
      pairs.delete(client);
      server.destroy();
    });
    server.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(upstreamUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  const cut = (set: Set<net.Socket>) => {
    for (const socket of set) socket.destroy();
  };
  return {
    url: url.toString(),
    blackhole: () => {
      down = true;
      cut(piped);
    },
    freeze: () => {
      for (const [client, server] of pairs) {
        client.unpipe(server);
        server.unpipe(client);
        client.pause();
        server.pause();
      }
      pairs.clear();
    },
    restore: () => {
      down = false;
    },
    close: async () => {
      cut(piped);
      cut(held);
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
