package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.Intent;
import dev.switchboard.surveillance.model.ObjectType;
import dev.switchboard.surveillance.model.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Two to four follow-up suggestions from the intent and the results, each a question the user can click. */
public final class FollowUps {

    private FollowUps() {
    }

    public static List<String> suggest(Intent intent, EventQuery query, List<SearchHit> hits, boolean incidentKnown) {
        Set<String> out = new LinkedHashSet<>();
        CameraEvent first = hits.isEmpty() ? null : hits.get(0).event();
        switch (intent) {
            case SEARCH, REFINE, NEAR_INCIDENT -> {
                if (first != null) {
                    out.add("Show the clip of the first one");
                    if (first.type() == ObjectType.CAR && !first.attributes().plate().isEmpty()
                            || first.type() == ObjectType.PERSON) {
                        out.add("Where did the " + (first.attributes().colour() + " "
                                + (first.type() == ObjectType.CAR ? "car" : "person")).strip() + " go next?");
                    }
                    if (intent == Intent.NEAR_INCIDENT || incidentKnown) {
                        out.add("Attach the first one to the incident");
                    }
                }
                if (query != null && query.hours() == null) {
                    out.add("Only at night");
                }
                if (query != null && query.from() == null) {
                    out.add("Only in the last 24 hours");
                }
                out.add("How many were there this week?");
            }
            case COUNT -> {
                out.add("Compare with the previous period");
                out.add("Show the clip of the first one");
                if (query != null && query.hours() == null) {
                    out.add("Only at night");
                }
            }
            case COMPARE, SUMMARISE -> {
                out.add("Anything unusual?");
                out.add("Show the fights and weapons");
                out.add("Summarise last night");
            }
            case UNUSUAL -> {
                out.add("Show the clip of the first one");
                out.add("Summarise the last 24 hours");
                out.add("Any loitering at night?");
            }
            case TRACK -> {
                out.add("Show the clip of the last sighting");
                out.add("Attach it to the incident");
                out.add("Anything unusual nearby?");
            }
            case SHOW_CLIP, EXPLAIN, ATTACH -> {
                out.add("Where did it go next?");
                out.add("Explain why it matched");
                out.add("Anything unusual?");
            }
            case REMEMBER, FORGET -> {
                out.add("What do you remember?");
                out.add("Anything unusual?");
            }
            default -> {
                out.add("Anything unusual?");
                out.add("What happened in the last hour?");
                out.add("Help");
            }
        }
        List<String> list = new ArrayList<>(out);
        if (list.size() < 2) {
            list.add("Anything unusual?");
        }
        return list.subList(0, Math.min(4, list.size()));
    }
}
