package dev.switchboard.studio.engine.fraud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.store.Database;
import dev.switchboard.studio.engine.csv.CsvProblem;
import dev.switchboard.studio.model.fraud.ModelProvenance;
import dev.switchboard.studio.model.fraud.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Trains fraud models from a {@link TrainingSpec}, keeps their records in the store ({@code studio_fraud_model})
 * and rebuilds a model from its record: same data (re-simulated, or the same file, checked by its SHA-256), same
 * parameters and seed, so the same model. Thread-safe.
 */
public final class FraudModels {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Jdbi jdbi;
    private final Clock clock;

    /** @param db where records are kept, or null to keep none */
    public FraudModels(Database db, Clock clock) {
        this.jdbi = db == null ? null : db.jdbi();
        this.clock = clock;
    }

    /** The data a spec names. */
    public static LabelledData data(TrainingSpec spec) {
        if (spec.dataKind().equals("simulator")) {
            return SimulatedData.generate(new TransactionSimulator.Config(spec.simulatorSeed(), spec.accounts(),
                    spec.merchants(), spec.assets(), spec.transactionsPerSecond(), spec.episodeRate()),
                    spec.transactions());
        }
        Path file = Path.of(spec.file());
        if (!Files.exists(file)) {
            throw new CsvProblem(file, 0, null, "the model was trained on this file, which is no longer there");
        }
        String sha = sha256(file);
        if (!sha.equals(spec.fileSha256())) {
            throw new CsvProblem(file, 0, null, "has changed since the model was trained (SHA-256 " + sha
                    + ", was " + spec.fileSha256() + "): the model cannot be rebuilt from it");
        }
        return FraudCsv.read(file, spec.mapping());
    }

    /** Trains on the data of {@code spec}, and keeps the record. */
    public FraudTrainer.Result train(TrainingSpec spec) {
        return train(data(spec), spec);
    }

    /** Trains on {@code data} (which {@code spec} describes), and keeps the record. */
    public FraudTrainer.Result train(LabelledData data, TrainingSpec spec) {
        FraudTrainer.Result result = new FraudTrainer(clock).train(data, spec);
        if (jdbi != null) {
            save(result.provenance());
        }
        return result;
    }

    /** Rebuilds the model a record describes. */
    public FraudTrainer.Result rebuild(ModelProvenance record) {
        return new FraudTrainer(clock).train(data(record.spec()), record.spec());
    }

    /** Keeps {@code record}; returns its id. */
    public String save(ModelProvenance record) {
        String id = UUID.randomUUID().toString();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO studio_fraud_model (id, trained_at, model, data,"
                + " provenance_json) VALUES (:id, :at, :model, :data, :json)").bind("id", id)
                .bind("at", record.trainedAt()).bind("model", record.spec().model().code())
                .bind("data", record.metrics().model() + ": " + describe(record.spec()))
                .bind("json", toJson(record)).execute());
        return id;
    }

    /** The newest record, if any. */
    public Optional<ModelProvenance> latest() {
        if (jdbi == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT provenance_json FROM studio_fraud_model"
                + " ORDER BY trained_at DESC, rowid DESC LIMIT 1").mapTo(String.class).findOne())
                .map(FraudModels::fromJson);
    }

    /** Every record's id and one line, newest first. */
    public List<String[]> list() {
        if (jdbi == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT id, trained_at, data FROM studio_fraud_model"
                + " ORDER BY trained_at DESC").map((rs, ctx) -> new String[] {rs.getString(1),
                    String.valueOf(rs.getLong(2)), rs.getString(3)}).list());
    }

    public static String describe(TrainingSpec spec) {
        return spec.dataKind().equals("simulator")
                ? "simulated, " + spec.transactions() + " transactions, seed " + spec.simulatorSeed()
                : spec.layout() + " file " + spec.file();
    }

    public static String toJson(ModelProvenance record) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ModelProvenance fromJson(String json) {
        try {
            return JSON.readValue(json, ModelProvenance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An unreadable model record: " + e.getOriginalMessage(), e);
        }
    }

    static String sha256(Path file) {
        return dev.switchboard.studio.engine.predict.MarketStore.sha256Of(file);
    }
}
