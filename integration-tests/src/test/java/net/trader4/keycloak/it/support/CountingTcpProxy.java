package net.trader4.keycloak.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on a loopback port to another loopback port that counts the connections made
 * through it: how many were opened in all and how many are open now. Put in front of a mail
 * server, it tells how many SMTP connections a sender used. When either side closes, both are closed.
 */
public final class CountingTcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "counting-tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    public CountingTcpProxy(int port, int upstreamPort) throws IOException {
        this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        threads.execute(this::accept);
    }

    /** Connections accepted since the proxy started. */
    public int opened() {
        return opened.get();
    }

    /** Connections neither side has closed yet. */
    public int open() {
        return open.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            opened.incrementAndGet();
            open.incrementAndGet();
            AtomicBoolean closed = new AtomicBoolean();
            Socket upstream;
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            } catch (IOException e) {
                closeBoth(client, null, closed);
                continue;
            }
            threads.execute(() -> pump(client, upstream, closed));
            threads.execute(() -> pump(upstream, client, closed));
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean closed) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away: the other is closed below.
        } finally {
            closeBoth(from, to, closed);
        }
    }

    private void closeBoth(Socket a, Socket b, AtomicBoolean closed) {
        if (closed.compareAndSet(false, true)) {
            open.decrementAndGet();
        }
        for (Socket socket : new Socket[]{a, b}) {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
