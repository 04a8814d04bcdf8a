package dev.switchboard.ai.engine.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.ImageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ComfyUI workflows in API format ("Save (API format)" in ComfyUI): the bundled templates for the four kinds
 * of job (a Stable Diffusion 1.5 checkpoint for images, Wan 2.1 for clips), optionally replaced by files an
 * operator drops in the workflow folder, and filled in for one request.
 *
 * <p>Filling in works on node classes, not node ids, so any exported workflow built from the usual nodes
 * works: the sampler ({@code KSampler}, {@code KSamplerAdvanced}) gets seed, steps and guidance; the text
 * encoders its {@code positive} and {@code negative} inputs lead to get the prompts (through conditioning
 * nodes such as {@code WanImageToVideo}); empty latents and image-to-video nodes get size and frame count;
 * {@code LoadImage} gets the uploaded starting image; video writers get the frame rate; save nodes a file
 * prefix. A workflow without a sampler or without a save node is refused with the reason.
 */
final class ComfyWorkflows {

    /** The four kinds of job, each with its template file name. */
    enum Kind {
        TXT2IMG("txt2img"), IMG2IMG("img2img"), TXT2VIDEO("txt2video"), IMG2VIDEO("img2video");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        String file() {
            return file + ".json";
        }

        static Kind of(ImageRequest r) {
            if (r.makesVideo()) {
                return r.imageToImage() ? IMG2VIDEO : TXT2VIDEO;
            }
            return r.imageToImage() ? IMG2IMG : TXT2IMG;
        }
    }

    private static final Set<String> SAMPLERS = Set.of("KSampler", "KSamplerAdvanced");
    private static final Set<String> TEXT_ENCODERS = Set.of("CLIPTextEncode", "CLIPTextEncodeSDXL",
            "CLIPTextEncodeFlux", "TextEncodeHunyuanVideo_ImageToVideo");
    private static final Set<String> SAVE_NODES = Set.of("SaveImage", "SaveVideo", "SaveWEBM", "SaveAnimatedWEBP",
            "SaveAnimatedPNG", "VHS_VideoCombine", "SaveImageWebsocket");
    private static final Set<String> LOADERS = Set.of("CheckpointLoaderSimple", "UNETLoader", "UnetLoaderGGUF");

    private final Path folder;
    private final ObjectMapper json;

    /** @param folder where operators' workflows replace the bundled ones; {@code null} for none */
    ComfyWorkflows(Path folder, ObjectMapper json) {
        this.folder = folder;
        this.json = json;
    }

    /**
     * The template for a job of {@code kind} on {@code worker}: {@code <folder>/<worker>.<kind>.json}, else
     * {@code <folder>/<kind>.json}, else the bundled one.
     *
     * @throws WorkerFailure blamed on the request when an operator's file is not a workflow
     */
    ObjectNode template(String worker, Kind kind) throws WorkerFailure {
        if (folder != null) {
            for (Path candidate : List.of(folder.resolve(worker + "." + kind.file()), folder.resolve(kind.file()))) {
                if (Files.isRegularFile(candidate)) {
                    return read(candidate);
                }
            }
        }
        try (InputStream in = ComfyWorkflows.class.getResourceAsStream("comfyui/" + kind.file())) {
            if (in == null) {
                throw new IllegalStateException("The bundled ComfyUI workflow " + kind.file() + " is missing");
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode read(Path file) throws WorkerFailure {
        JsonNode node;
        try {
            node = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, file + ":" + line + ": not valid JSON: "
                    + e.getOriginalMessage() + "; export the workflow again with Save (API format)");
        } catch (IOException e) {
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, file + ": cannot be read: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode workflow) || !node.elements().hasNext() || node.path("nodes").isArray()) {
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, file + ":1: not an API-format workflow (an object "
                    + "of nodes with class_type and inputs); export it with Save (API format)");
        }
        return workflow;
    }

    /**
     * Fills {@code workflow} in for {@code r}, in place.
     *
     * @param seed the seed to use (already drawn when the request asked for a random one)
     * @param uploadedImage the starting image's name on the worker, for image-to-image; else null
     * @param prefix the file-name prefix of the outputs
     * @param checkpoints the checkpoints the worker listed; a template's checkpoint that is not among them is
     *                    replaced by the first listed (empty: leave it)
     * @return the model the workflow loads, for provenance
     * @throws WorkerFailure blamed on the request when the workflow lacks a sampler or a save node
     */
    static String fill(ObjectNode workflow, ImageRequest r, long seed, String uploadedImage, String prefix,
                       List<String> checkpoints) throws WorkerFailure {
        List<ObjectNode> samplers = nodes(workflow, SAMPLERS);
        if (samplers.isEmpty()) {
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, "the ComfyUI workflow has no KSampler node");
        }
        if (nodes(workflow, SAVE_NODES).isEmpty()) {
            throw new WorkerFailure(WorkerFailure.Blame.REQUEST, "the ComfyUI workflow has no save node");
        }
        for (ObjectNode sampler : samplers) {
            ObjectNode in = inputs(sampler);
            in.put(in.has("noise_seed") ? "noise_seed" : "seed", seed);
            in.put("steps", r.steps());
            if (r.guidance() > 0) {
                in.put("cfg", r.guidance());
            }
            setText(workflow, in.get("positive"), "positive", r.prompt(), new HashSet<>());
            setText(workflow, in.get("negative"), "negative", r.negativePrompt(), new HashSet<>());
        }
        int frames = r.makesVideo() ? videoFrames(r.video().frames()) : 1;
        for (Map.Entry<String, JsonNode> e : entries(workflow)) {
            ObjectNode node = (ObjectNode) e.getValue();
            String type = node.path("class_type").asText();
            ObjectNode in = inputs(node);
            if (type.startsWith("Empty") && type.contains("Latent")) {
                in.put("width", r.width()).put("height", r.height()).put("batch_size", 1);
                if (in.has("length")) {
                    in.put("length", frames);
                }
            } else if (type.endsWith("ImageToVideo")) {
                in.put("width", r.width()).put("height", r.height());
                if (in.has("length")) {
                    in.put("length", frames);
                }
            } else if (type.equals("ImageScale")) {
                in.put("width", r.width()).put("height", r.height());
            } else if (type.equals("LoadImage") && uploadedImage != null) {
                in.put("image", uploadedImage);
            } else if (r.makesVideo() && (type.equals("CreateVideo") || type.startsWith("SaveAnimated"))) {
                in.put("fps", r.video().fps());
            } else if (r.makesVideo() && type.equals("VHS_VideoCombine")) {
                in.put("frame_rate", r.video().fps());
            }
            if (SAVE_NODES.contains(type) && in.has("filename_prefix")) {
                String own = in.path("filename_prefix").asText();
                in.put("filename_prefix", own.contains("poster") ? prefix + "-poster" : prefix);
            }
        }
        return model(workflow, checkpoints);
    }

    /** Video models of the Wan and Hunyuan families take 4k + 1 frames: the nearest count of that form. */
    static int videoFrames(int frames) {
        return Math.max(1, ((frames - 1 + 2) / 4) * 4 + 1);
    }

    private static String model(ObjectNode workflow, List<String> checkpoints) {
        for (ObjectNode loader : nodes(workflow, LOADERS)) {
            ObjectNode in = inputs(loader);
            String field = in.has("ckpt_name") ? "ckpt_name" : "unet_name";
            String name = in.path(field).asText("");
            if (field.equals("ckpt_name") && !checkpoints.isEmpty() && !checkpoints.contains(name)) {
                name = checkpoints.get(0);
                in.put(field, name);
            }
            if (!name.isBlank()) {
                int dot = name.lastIndexOf('.');
                return dot > 0 ? name.substring(0, dot) : name;
            }
        }
        return ApiFlavour.COMFYUI.label();
    }

    /**
     * Sets the prompt on the text encoder a sampler's conditioning input leads to, following conditioning
     * nodes (their input of the same name) until an encoder is found.
     */
    private static void setText(ObjectNode workflow, JsonNode link, String side, String text, Set<String> seen) {
        if (!(link instanceof ArrayNode a) || a.isEmpty()) {
            return;
        }
        String id = a.get(0).asText();
        if (!seen.add(id) || !(workflow.get(id) instanceof ObjectNode node)) {
            return;
        }
        ObjectNode in = inputs(node);
        if (TEXT_ENCODERS.contains(node.path("class_type").asText())) {
            String field = in.has("text") ? "text" : in.has("prompt") ? "prompt" : "text";
            in.put(field, text);
            if (in.has("text_g")) {
                in.put("text_g", text).put("text_l", text);
            }
            return;
        }
        setText(workflow, in.get(side), side, text, seen);
        if (in.has("conditioning")) {
            setText(workflow, in.get("conditioning"), side, text, seen);
        }
    }

    private static List<ObjectNode> nodes(ObjectNode workflow, Set<String> classes) {
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : entries(workflow)) {
            if (e.getValue() instanceof ObjectNode n && classes.contains(n.path("class_type").asText())) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<Map.Entry<String, JsonNode>> entries(ObjectNode workflow) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = workflow.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() instanceof ObjectNode) {
                out.add(e);
            }
        }
        return out;
    }

    private static ObjectNode inputs(ObjectNode node) {
        JsonNode in = node.get("inputs");
        if (in instanceof ObjectNode o) {
            return o;
        }
        return node.putObject("inputs");
    }

    /** The media type of an output file by its name. */
    static String mediaType(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".mp4") || f.endsWith(".m4v")) {
            return "video/mp4";
        }
        if (f.endsWith(".webm")) {
            return "video/webm";
        }
        if (f.endsWith(".mov")) {
            return "video/quicktime";
        }
        if (f.endsWith(".mkv")) {
            return "video/x-matroska";
        }
        if (f.endsWith(".gif")) {
            return "image/gif";
        }
        if (f.endsWith(".webp")) {
            return "image/webp";
        }
        if (f.endsWith(".jpg") || f.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "image/png";
    }
}
