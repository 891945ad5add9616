package org.offops.network.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP echo server standing in for a link's target service (the box's mongod is a placeholder process). */
public final class EchoServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

    public EchoServer(String address, int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        acceptor = daemon(this::serve);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                daemon(() -> echo(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "echo-server");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void echo(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the peer went away
        }
    }

    /** How many connections reached this server (proves which address a tunnel connects to). */
    public int accepted() {
        return accepted.get();
    }

    /** Sends {@code payload} through {@code address:port} and returns what came back (empty when refused). */
    public static byte[] roundTrip(String address, int port, byte[] payload) throws IOException {
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(address, port), 5000);
            } catch (java.net.SocketException e) {
                // a stunnel whose handshake fails may reset the connection before connect() returns: refused too
                if (String.valueOf(e.getMessage()).contains("reset")) {
                    return new byte[0];
                }
                throw e;
            }
            s.setSoTimeout(5000);
            s.getOutputStream().write(payload);
            s.getOutputStream().flush();
            byte[] back = new byte[payload.length];
            int read = 0;
            while (read < back.length) {
                int n;
                try {
                    n = s.getInputStream().read(back, read, back.length - read);
                } catch (IOException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return java.util.Arrays.copyOf(back, read);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
