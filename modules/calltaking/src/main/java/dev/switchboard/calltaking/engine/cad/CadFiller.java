package dev.switchboard.calltaking.engine.cad;

import dev.switchboard.calltaking.engine.entities.EntityType;
import dev.switchboard.calltaking.engine.entities.ExtractedEntity;
import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.places.Place;
import dev.switchboard.core.incident.ResponderType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns extracted entities into proposals for the CAD form. Stateless: pass every entity found so far in the call,
 * oldest first (later values win for single-value fields; list fields such as weapons collect every value). Never
 * proposes a change to a field the trainee confirmed, nor a value the field already has. Thread-safe.
 *
 * <p>Location: a block address wins over a crossing, a crossing over a landmark, a landmark over a neighbourhood;
 * the ward comes from a {@link EntityType#WARD} entity or else from the gazetteer. The nature code is suggested
 * from entities and text; priority and units follow it, plus {@code SWAT} when a gun is mentioned and
 * {@code AMBULANCE} when someone is hurt, not breathing normally or unconscious.
 */
public final class CadFiller {

    private static final Set<String> NOTHING = Set.of("none", "unknown");

    private final PlaceNames gazetteer;
    private final NatureCodes codes;

    /** Tokyo's gazetteer and the standard nature codes. */
    public CadFiller() {
        this(PlaceNames.tokyo(), NatureCodes.standard());
    }

    public CadFiller(PlaceNames gazetteer, NatureCodes codes) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.codes = Objects.requireNonNull(codes, "codes");
    }

    /** Proposals from the entities alone (the nature code is suggested from the entities' own text). */
    public List<CadProposal> propose(List<ExtractedEntity> es, CadForm current) {
        StringJoiner text = new StringJoiner(" ");
        for (ExtractedEntity e : es) {
            text.add(e.text());
        }
        return propose(es, current, text.toString());
    }

    /**
     * Proposals from the entities and the call's transcript so far ({@code transcript} feeds the nature-code
     * keywords, e.g. "heart attack", "robbed").
     */
    public List<CadProposal> propose(List<ExtractedEntity> es, CadForm current, String transcript) {
        Map<CadField, CadProposal> out = new EnumMap<>(CadField.class);
        location(es, out);
        ExtractedEntity phone = last(es, EntityType.PHONE);
        if (phone != null) {
            out.put(CadField.CALLBACK, new CadProposal(CadField.CALLBACK, phone.value(), phone.confidence(), phone));
        }
        people(es, out);
        single(es, EntityType.BREATHING, CadField.BREATHING, out);
        single(es, EntityType.CONSCIOUS, CadField.CONSCIOUS, out);
        single(es, EntityType.SUSPECT, CadField.SUSPECT, out);
        list(es, EntityType.INJURY, CadField.INJURIES, current, out);
        list(es, EntityType.WEAPON, CadField.WEAPONS, current, out);
        list(es, EntityType.HAZARD, CadField.HAZARDS, current, out);
        list(es, EntityType.VEHICLE, CadField.VEHICLES, current, out);

        NatureCode code = confirmedCode(current).orElseGet(() -> codes.suggest(es, transcript));
        if (!code.code().equals(NatureCodes.UNKNOWN) || current.get(CadField.NATURE_CODE) == null) {
            out.put(CadField.NATURE_CODE, new CadProposal(CadField.NATURE_CODE, code.code(), 0.6, null));
            out.put(CadField.PRIORITY, new CadProposal(CadField.PRIORITY, String.valueOf(code.priority()), 0.6,
                    null));
            List<ResponderType> units = new ArrayList<>(code.units());
            if (mentions(es, EntityType.WEAPON, "gun") && !units.contains(ResponderType.SWAT)) {
                units.add(ResponderType.SWAT);
            }
            if (hurt(es) && !units.contains(ResponderType.AMBULANCE)) {
                units.add(ResponderType.AMBULANCE);
            }
            if (!units.isEmpty()) {
                StringJoiner j = new StringJoiner(", ");
                units.forEach(u -> j.add(u.name()));
                out.put(CadField.UNITS, new CadProposal(CadField.UNITS, j.toString(), 0.6, null));
            }
        }
        List<CadProposal> result = new ArrayList<>();
        for (CadProposal p : out.values()) {
            if (!current.confirmed(p.field()) && !p.value().equals(current.get(p.field()))) {
                result.add(p);
            }
        }
        return result;
    }

    /** Writes proposals into the form as {@value CadForm#BY_EXTRACTION}; returns the ones that changed it. */
    public static List<CadProposal> apply(List<CadProposal> proposals, CadForm form) {
        List<CadProposal> applied = new ArrayList<>();
        for (CadProposal p : proposals) {
            if (form.set(p.field(), p.value(), CadForm.BY_EXTRACTION)) {
                applied.add(p);
            }
        }
        return applied;
    }

    private Optional<NatureCode> confirmedCode(CadForm form) {
        return form.confirmed(CadField.NATURE_CODE) ? codes.find(form.get(CadField.NATURE_CODE)) : Optional.empty();
    }

    private void location(List<ExtractedEntity> es, Map<CadField, CadProposal> out) {
        ExtractedEntity ward = last(es, EntityType.WARD);
        ExtractedEntity best = null;
        int bestRank = 0;
        for (ExtractedEntity e : es) {
            int rank = switch (e.type()) {
                case ADDRESS -> e.value().matches("^\\d.*") ? 4 : 1;
                case INTERSECTION -> 3;
                case LANDMARK -> 2;
                default -> 0;
            };
            if (rank > 0 && rank >= bestRank) {
                best = e;
                bestRank = rank;
            }
        }
        Place wardPlace = ward == null ? null : gazetteer.ward(ward.value()).orElse(null);
        if (best != null) {
            Optional<Place> where = gazetteer.resolve(best.value());
            String value = best.value();
            Place area = where.filter(p -> !p.kind().equals("ward")).orElse(null);
            String wardName = wardPlace != null ? wardPlace.wardEn() : area != null && !area.outside()
                    ? area.wardEn() : null;
            if (bestRank == 4 && wardName != null) {
                value = value + ", " + wardName;
            }
            out.put(CadField.ADDRESS, new CadProposal(CadField.ADDRESS, value, best.confidence(), best));
            if (wardPlace == null && area != null && !area.outside()) {
                out.put(CadField.WARD, new CadProposal(CadField.WARD, area.wardEn(), best.confidence() * 0.9,
                        best));
            }
        }
        if (wardPlace != null) {
            out.put(CadField.WARD, new CadProposal(CadField.WARD, wardPlace.wardEn(), ward.confidence(), ward));
        }
    }

    private static ExtractedEntity last(List<ExtractedEntity> es, EntityType type) {
        ExtractedEntity found = null;
        for (ExtractedEntity e : es) {
            if (e.type() == type) {
                found = e;
            }
        }
        return found;
    }

    /**
     * The most people said: callers also count parts of a group ("three people ... one of them is
     * unconscious"), and the responders need the whole. A number beats "several" or "many".
     */
    private static void people(List<ExtractedEntity> es, Map<CadField, CadProposal> out) {
        ExtractedEntity most = null;
        for (ExtractedEntity e : es) {
            if (e.type() == EntityType.PEOPLE_COUNT && e.value().matches("\\d+")
                    && (most == null || Integer.parseInt(e.value()) >= Integer.parseInt(most.value()))) {
                most = e;
            }
        }
        if (most == null) {
            single(es, EntityType.PEOPLE_COUNT, CadField.PEOPLE, out);
        } else {
            out.put(CadField.PEOPLE, new CadProposal(CadField.PEOPLE, most.value(), most.confidence(), most));
        }
    }

    private static void single(List<ExtractedEntity> es, EntityType type, CadField field,
                               Map<CadField, CadProposal> out) {
        ExtractedEntity e = last(es, type);
        if (e != null && !e.value().equals("unknown")) {
            out.put(field, new CadProposal(field, e.value(), e.confidence(), e));
        }
    }

    /** Every distinct value; "none" only when nothing else was said. */
    private static void list(List<ExtractedEntity> es, EntityType type, CadField field, CadForm current,
                             Map<CadField, CadProposal> out) {
        Set<String> values = new LinkedHashSet<>();
        ExtractedEntity lastReal = null;
        ExtractedEntity lastNone = null;
        double conf = 0;
        for (ExtractedEntity e : es) {
            if (e.type() != type) {
                continue;
            }
            if (NOTHING.contains(e.value())) {
                if (e.value().equals("none")) {
                    lastNone = e;
                }
                continue;
            }
            values.add(e.value());
            lastReal = e;
            conf = Math.max(conf, e.confidence());
        }
        if (field == CadField.INJURIES && values.size() > 1) {
            values.remove("injured");
        }
        if (!values.isEmpty()) {
            out.put(field, new CadProposal(field, String.join(", ", values), conf, lastReal));
        } else if (lastNone != null && current.get(field) == null) {
            out.put(field, new CadProposal(field, "none", lastNone.confidence(), lastNone));
        }
    }

    private static boolean mentions(List<ExtractedEntity> es, EntityType type, String value) {
        for (ExtractedEntity e : es) {
            if (e.type() == type && e.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hurt(List<ExtractedEntity> es) {
        for (ExtractedEntity e : es) {
            boolean injured = e.type() == EntityType.INJURY && !NOTHING.contains(e.value());
            boolean breathing = e.type() == EntityType.BREATHING && (e.value().equals("no")
                    || e.value().equals("abnormal"));
            boolean unconscious = e.type() == EntityType.CONSCIOUS && e.value().equals("no");
            if (injured || breathing || unconscious) {
                return true;
            }
        }
        return false;
    }
}
