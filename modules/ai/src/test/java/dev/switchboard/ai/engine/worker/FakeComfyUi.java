package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaks enough of ComfyUI's API for the client: {@code /system_stats}, {@code /object_info}, {@code /upload/image},
 * {@code /prompt}, {@code /history}, {@code /queue}, {@code /interrupt}, {@code /view}, and the {@code /ws}
 * websocket with progress messages and binary preview frames. The JDK has an HTTP server but no websocket server,
 * and ComfyUI serves both on one port, so this is a small HTTP/1.1 server over a socket (one request per
 * connection, which the client accepts). A prompt runs {@link #steps} steps on its own thread; the test may hold
 * it at a step with {@link #holdAt}. The server keeps running prompts when the workstation under test restarts,
 * like a real worker.
 */
final class FakeComfyUi implements AutoCloseable {

    static final String CHECKPOINT = "dreamshaper_8.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<ObjectNode> prompts = new CopyOnWriteArrayList<>();
    final List<byte[]> uploads = new CopyOnWriteArrayList<>();
    final AtomicInteger interrupts = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    volatile int steps = 4;
    volatile boolean websocket = true;
    /** Answer POST /prompt with a validation error. */
    volatile boolean rejectPrompts;
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> history = new ConcurrentHashMap<>();
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final Map<String, byte[]> outputs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> stopped = new ConcurrentHashMap<>();
    private volatile int holdAt = -1;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch reachedHold = new CountDownLatch(1);
    private ServerSocket server;
    private int port;
    private volatile String running;

    FakeComfyUi start() throws IOException {
        stopped.remove("all");
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = server.getLocalPort();
        ServerSocket s = server;
        Thread.ofVirtual().start(() -> {
            while (!s.isClosed()) {
                try {
                    Socket c = s.accept();
                    Thread.ofVirtual().start(() -> serve(c));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Holds prompts at {@code step} (1-based) until {@link #release()}. */
    void holdAt(int step) {
        holdAt = step;
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    void awaitHold() throws InterruptedException {
        if (!reachedHold.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no prompt reached the held step on " + url());
        }
    }

    /** Stops listening and drops its websockets, as a machine that died would; prompts stop too. */
    void stop() throws IOException {
        server.close();
        for (Socket s : sockets.values()) {
            s.close();
        }
        sockets.clear();
        stopped.put("all", true);
        release();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    // One connection.

    private void serve(Socket c) {
        try (c) {
            InputStream in = c.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] start = lines[0].split(" ");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(),
                            lines[i].substring(colon + 1).trim());
                }
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            URI uri = URI.create(start[1]);
            String route = start[0] + " " + uri.getPath();
            requests.add(route);
            if (route.equals("GET /ws") && websocket && "websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                upgrade(c, headers.get("sec-websocket-key"), query(uri).get("clientId"));
                return;
            }
            handle(c.getOutputStream(), route, uri, body);
        } catch (IOException | RuntimeException e) {
            // The client went away.
        }
    }

    private void handle(OutputStream out, String route, URI uri, byte[] body) throws IOException {
        switch (route) {
            case "GET /system_stats" -> reply(out, 200, "{\"system\":{\"os\":\"posix\",\"comfyui_version\":\"0.3.40\"},"
                    + "\"devices\":[{\"name\":\"cuda:0 NVIDIA A100\",\"type\":\"cuda\"}]}");
            case "GET /object_info/CheckpointLoaderSimple" -> reply(out, 200, "{\"CheckpointLoaderSimple\":{\"input\":"
                    + "{\"required\":{\"ckpt_name\":[[\"" + CHECKPOINT + "\",\"sdxl_base.safetensors\"],{}]}}}}");
            case "POST /upload/image" -> {
                uploads.add(body);
                reply(out, 200, "{\"name\":\"upload-" + uploads.size()
                        + ".png\",\"subfolder\":\"\",\"type\":\"input\"}");
            }
            case "POST /prompt" -> prompt(out, body);
            case "GET /queue" -> {
                ObjectNode q = JSON.createObjectNode();
                ArrayNode run = q.putArray("queue_running");
                ArrayNode wait = q.putArray("queue_pending");
                pending.forEach((id, client) -> (id.equals(running) ? run : wait).addArray().add(1).add(id));
                reply(out, 200, q.toString());
            }
            case "POST /queue" -> {
                JSON.readTree(body).path("delete").forEach(id -> {
                    deletes.incrementAndGet();
                    pending.remove(id.asText());
                });
                reply(out, 200, "{}");
            }
            case "POST /interrupt" -> {
                interrupts.incrementAndGet();
                String id = body.length == 0 ? running : JSON.readTree(body).path("prompt_id").asText(running);
                if (id != null) {
                    stopped.put(id, true);
                }
                release();
                reply(out, 200, "{}");
            }
            case "GET /view" -> {
                byte[] file = outputs.get(query(uri).get("filename"));
                if (file == null) {
                    reply(out, 404, "{}");
                } else {
                    replyBytes(out, 200, "application/octet-stream", file);
                }
            }
            default -> {
                if (route.startsWith("GET /history/")) {
                    String id = route.substring("GET /history/".length());
                    ObjectNode answer = JSON.createObjectNode();
                    ObjectNode entry = history.get(id);
                    if (entry != null) {
                        answer.set(id, entry);
                    }
                    reply(out, 200, answer.toString());
                } else {
                    reply(out, 404, "{\"error\":\"not found\"}");
                }
            }
        }
    }

    private void prompt(OutputStream out, byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        ObjectNode workflow = (ObjectNode) request.path("prompt");
        prompts.add(workflow);
        if (rejectPrompts) {
            reply(out, 400, "{\"error\":{\"type\":\"prompt_outputs_failed_validation\",\"message\":\"Prompt outputs "
                    + "failed validation\"},\"node_errors\":{\"4\":{\"errors\":[{\"message\":\"Value not in list\","
                    + "\"details\":\"ckpt_name: 'missing.safetensors' not in []\"}],\"class_type\":"
                    + "\"CheckpointLoaderSimple\"}}}");
            return;
        }
        String id = UUID.randomUUID().toString();
        String client = request.path("client_id").asText();
        pending.put(id, client);
        reply(out, 200, "{\"prompt_id\":\"" + id + "\",\"number\":" + prompts.size() + ",\"node_errors\":{}}");
        Thread.ofVirtual().start(() -> execute(id, client, workflow));
    }

    /** Runs a prompt: steps with progress and previews, then its outputs in the history. */
    private void execute(String id, String client, ObjectNode workflow) {
        synchronized (this) {
            running = id;
            try {
                for (int step = 1; step <= steps; step++) {
                    if (stopped.containsKey(id) || stopped.containsKey("all") || !pending.containsKey(id)) {
                        interrupted(id, client);
                        return;
                    }
                    send(client, "{\"type\":\"progress\",\"data\":{\"value\":" + step + ",\"max\":" + steps
                            + ",\"prompt_id\":\"" + id + "\",\"node\":\"3\"}}");
                    sendPreview(client, TestImages.png());
                    if (step == holdAt) {
                        reachedHold.countDown();
                        gate.await();
                    }
                }
                if (stopped.containsKey(id) || stopped.containsKey("all")) {
                    interrupted(id, client);
                    return;
                }
                finish(id, client, workflow);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pending.remove(id);
                running = null;
            }
        }
    }

    private void finish(String id, String client, ObjectNode workflow) {
        ObjectNode entry = JSON.createObjectNode();
        entry.putArray("prompt");
        ObjectNode outs = entry.putObject("outputs");
        workflow.fields().forEachRemaining(e -> {
            String type = e.getValue().path("class_type").asText();
            String prefix = e.getValue().path("inputs").path("filename_prefix").asText("out");
            String name = prefix.replace('/', '_') + "_00001_";
            if (type.equals("SaveImage")) {
                outputs.put(name + ".png", TestImages.png());
                outs.putObject(e.getKey()).putArray("images").addObject().put("filename", name + ".png")
                        .put("subfolder", "").put("type", "output");
            } else if (type.equals("SaveVideo")) {
                outputs.put(name + ".mp4", fakeMp4());
                ObjectNode o = outs.putObject(e.getKey());
                o.putArray("images").addObject().put("filename", name + ".mp4").put("subfolder", "")
                        .put("type", "output");
                o.putArray("animated").add(true);
            }
        });
        ObjectNode status = entry.putObject("status");
        status.put("status_str", "success").put("completed", true).putArray("messages");
        history.put(id, entry);
        send(client, "{\"type\":\"executing\",\"data\":{\"node\":null,\"prompt_id\":\"" + id + "\"}}");
    }

    private void interrupted(String id, String client) {
        ObjectNode entry = JSON.createObjectNode();
        entry.putObject("outputs");
        ObjectNode status = entry.putObject("status");
        status.put("status_str", "error").put("completed", false).putArray("messages").addArray()
                .add("execution_interrupted").addObject().put("prompt_id", id);
        history.put(id, entry);
        send(client, "{\"type\":\"execution_interrupted\",\"data\":{\"prompt_id\":\"" + id + "\"}}");
    }

    static byte[] fakeMp4() {
        byte[] b = new byte[64];
        byte[] ftyp = "\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(ftyp, 0, b, 0, ftyp.length);
        return b;
    }

    // Websocket.

    private void upgrade(Socket c, String key, String clientId) throws IOException {
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        OutputStream out = c.getOutputStream();
        // Registered before the handshake answer, so the client's next prompt finds its socket.
        sockets.put(clientId, c);
        synchronized (c) {
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        frame(c, 0x1, ("{\"type\":\"status\",\"data\":{\"status\":{\"exec_info\":{\"queue_remaining\":0}},\"sid\":\""
                + clientId + "\"}}").getBytes(StandardCharsets.UTF_8));
        // Read (and drop) what the client sends until it closes.
        InputStream in = c.getInputStream();
        while (in.read() >= 0) {
            // Client frames (close, pong) are of no interest here.
        }
        sockets.remove(clientId, c);
    }

    private void send(String client, String json) {
        Socket s = sockets.get(client);
        if (s != null) {
            frame(s, 0x1, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void sendPreview(String client, byte[] png) {
        Socket s = sockets.get(client);
        if (s != null) {
            ByteBuffer b = ByteBuffer.allocate(8 + png.length);
            b.putInt(1).putInt(2).put(png);
            frame(s, 0x2, b.array());
        }
    }

    private static void frame(Socket s, int opcode, byte[] payload) {
        try {
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            f.write(0x80 | opcode);
            if (payload.length < 126) {
                f.write(payload.length);
            } else if (payload.length < 65536) {
                f.write(126);
                f.write(payload.length >> 8);
                f.write(payload.length & 0xFF);
            } else {
                f.write(127);
                f.write(ByteBuffer.allocate(8).putLong(payload.length).array());
            }
            f.write(payload);
            synchronized (s) {
                s.getOutputStream().write(f.toByteArray());
                s.getOutputStream().flush();
            }
        } catch (IOException e) {
            // The client closed its socket.
        }
    }

    // HTTP helpers.

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String q = uri.getRawQuery();
        if (q != null) {
            for (String part : q.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void reply(OutputStream out, int status, String json) throws IOException {
        replyBytes(out, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void replyBytes(OutputStream out, int status, String type, byte[] body) throws IOException {
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}
