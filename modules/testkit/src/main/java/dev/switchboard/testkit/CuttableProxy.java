package dev.switchboard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback TCP proxy in front of a server that a test can cut (every open connection is reset and new ones are
 * refused, as when a cable is pulled or the server host goes down) and restore on the same port.
 */
public final class CuttableProxy implements AutoCloseable {

    private static final Pattern JDBC_PORT =
            Pattern.compile("^(jdbc:postgresql://[^:/]+:)(\\d+)(/.*)$");

    private final int targetPort;
    private final int port;
    private String url;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    public CuttableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    /** A proxy in front of the server of {@code jdbcUrl} (host:port form); {@link #url()} leads through it. */
    public static CuttableProxy inFrontOf(String jdbcUrl) throws IOException {
        Matcher m = JDBC_PORT.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/... address: " + jdbcUrl);
        }
        CuttableProxy proxy = new CuttableProxy(Integer.parseInt(m.group(2)));
        proxy.url = m.group(1) + proxy.port + m.group(3);
        return proxy;
    }

    /** The address through this proxy, for a proxy made by {@link #inFrontOf}. */
    public String url() {
        return url;
    }

    public int port() {
        return port;
    }

    /** Resets every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        ServerSocket l = listener;
        listener = null;
        if (l != null) {
            l.close();
        }
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
            s.close();
        }
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listen(again);
    }

    private void listen(ServerSocket l) {
        listener = l;
        Thread.ofPlatform().daemon(true).name("proxy-accept").start(() -> {
            while (!l.isClosed()) {
                try {
                    Socket client = l.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(server);
                    pipe(client, server);
                    pipe(server, client);
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofPlatform().daemon(true).name("proxy-pipe").start(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut, or one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
