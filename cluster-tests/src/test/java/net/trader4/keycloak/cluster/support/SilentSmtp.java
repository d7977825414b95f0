package net.trader4.keycloak.cluster.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A "mail server" that accepts connections and never says a word: the slow-SMTP fault. */
public final class SilentSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();
    private final Thread acceptor;

    public SilentSmtp(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptForever, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (held) {
                    held.add(socket);
                }
            } catch (IOException closed) {
                // close() ends accept() so; unaccepted connections still wait in the backlog, unanswered
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (held) {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
