package dev.switchboard.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditRecord.Outcome;
import dev.switchboard.core.account.AuditTrail;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the event log's {@link SessionId#AUDIT} chain: each record is one durable entry of
 * type {@code audit.<action>} (e.g. {@code audit.logon}) with sim time 0 and the payload
 * {@code {"at","actor","action","target","outcome","detail"}}, {@code at} in UTC with nine fraction
 * digits so that text order is time order. Thread-safe.
 */
public final class AuditLog implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final String TYPE_PREFIX = "audit.";
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final EventLog eventLog;
    private final ObjectMapper mapper = new ObjectMapper();

    public AuditLog(EventLog eventLog) {
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
    }

    /** Appends {@code record} durably before returning (one disk sync). */
    @Override
    public void record(AuditRecord record) {
        ObjectNode payload = mapper.createObjectNode()
                .put("at", AT.format(record.at()))
                .put("actor", record.actor())
                .put("action", record.action().name())
                .put("target", record.target())
                .put("outcome", record.outcome().name())
                .put("detail", record.detail());
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An object node always serializes", e);
        }
        eventLog.append(new AppendRequest(SessionId.AUDIT, 0, type(record.action()), json));
    }

    /** The records that match {@code q}, newest first. */
    public List<AuditRecord> query(AuditQuery q) {
        boolean server = eventLog.database().isServer();
        StringBuilder sql = new StringBuilder("SELECT payload FROM event_log WHERE session_id = :chain");
        if (!q.actions().isEmpty()) {
            sql.append(" AND type IN (<types>)");
        }
        if (!q.outcomes().isEmpty()) {
            sql.append(" AND ").append(field(server, "outcome")).append(" IN (<outcomes>)");
        }
        if (hasText(q.actorContains())) {
            sql.append(" AND ").append(contains(server, "lower(" + field(server, "actor") + ")", ":actor"));
        }
        if (q.from() != null) {
            sql.append(" AND ").append(field(server, "at")).append(" >= :from");
        }
        if (q.to() != null) {
            sql.append(" AND ").append(field(server, "at")).append(" < :to");
        }
        if (hasText(q.textContains())) {
            String newline = server ? "chr(10)" : "char(10)";
            sql.append(" AND ").append(contains(server, "lower(" + field(server, "actor") + " || " + newline + " || "
                    + field(server, "target") + " || " + newline + " || " + field(server, "detail") + ")", ":text"));
        }
        sql.append(" ORDER BY seq DESC LIMIT :limit");
        List<String> payloads = eventLog.database().jdbi().withHandle(h -> {
            Query query = h.createQuery(sql.toString())
                    .bind("chain", SessionId.AUDIT.value())
                    .bind("limit", q.limit());
            if (!q.actions().isEmpty()) {
                query.bindList("types", q.actions().stream().map(AuditLog::type).toList());
            }
            if (!q.outcomes().isEmpty()) {
                query.bindList("outcomes", q.outcomes().stream().map(Outcome::name).toList());
            }
            if (hasText(q.actorContains())) {
                query.bind("actor", q.actorContains().trim().toLowerCase(Locale.ROOT));
            }
            if (q.from() != null) {
                query.bind("from", AT.format(q.from()));
            }
            if (q.to() != null) {
                query.bind("to", AT.format(q.to()));
            }
            if (hasText(q.textContains())) {
                query.bind("text", q.textContains().trim().toLowerCase(Locale.ROOT));
            }
            return query.mapTo(String.class).list();
        });
        List<AuditRecord> records = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                JsonNode n = mapper.readTree(payload);
                records.add(new AuditRecord(Instant.parse(n.path("at").asText()), n.path("actor").asText(),
                        AuditAction.valueOf(n.path("action").asText()), n.path("target").asText(),
                        Outcome.valueOf(n.path("outcome").asText()), n.path("detail").asText()));
            } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
                LOG.warn("Skipping an audit entry that cannot be read ({}): {}", e.getMessage(), payload);
            }
        }
        return records;
    }

    /** A top-level text field of the JSON payload, in the dialect of the database. */
    private static String field(boolean server, String name) {
        return server ? "(CAST(payload AS jsonb) ->> '" + name + "')" : "json_extract(payload, '$." + name + "')";
    }

    private static String contains(boolean server, String haystack, String needle) {
        return (server ? "strpos(" : "instr(") + haystack + ", " + needle + ") > 0";
    }

    private static String type(AuditAction action) {
        return TYPE_PREFIX + action.name().toLowerCase(Locale.ROOT);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
