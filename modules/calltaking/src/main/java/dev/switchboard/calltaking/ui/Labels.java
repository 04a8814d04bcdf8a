package dev.switchboard.calltaking.ui;

import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.calltaking.engine.session.CallState;
import dev.switchboard.calltaking.model.CallLog;

/** The words the console shows for its enums; every message key named in full so the key check can see it. */
final class Labels {

    private Labels() {
    }

    static String state(CallState s) {
        return Text.get(s == null ? "call.state.idle" : switch (s) {
            case RINGING -> "call.state.ringing";
            case CONNECTED -> "call.state.connected";
            case ON_HOLD -> "call.state.onHold";
            case TRANSFERRED -> "call.state.transferred";
            case ENDED -> "call.state.ended";
        });
    }

    static String caller(double emotion) {
        if (emotion < 0) {
            return Text.get("call.caller.unknown");
        }
        return Text.get(emotion < CallLog.Emotion.CALM_BELOW ? "call.caller.calm"
                : emotion < CallLog.Emotion.PANIC_FROM ? "call.caller.tense" : "call.caller.panic");
    }

    static String transfer(String target) {
        return Text.get(switch (target) {
            case "fire" -> "call.transfer.fire";
            case "ems" -> "call.transfer.ems";
            default -> "call.transfer.police";
        });
    }

    static String unitState(String state) {
        return switch (state) {
            case "DISPATCHED" -> Text.get("call.unit.dispatched");
            case "EN_ROUTE" -> Text.get("call.unit.enRoute");
            case "ON_SCENE" -> Text.get("call.unit.onScene");
            case "RETURNING" -> Text.get("call.unit.returning");
            case "IDLE" -> Text.get("call.unit.idle");
            default -> state;
        };
    }

    static String inputMode(CallVoice.InputMode m) {
        return Text.get(switch (m) {
            case TYPING -> "call.voice.mode.typing";
            case PUSH_TO_TALK -> "call.voice.mode.pushToTalk";
            case VOICE_ACTIVITY -> "call.voice.mode.voiceActivity";
        });
    }

    static String cadLabel(CadField f) {
        return Text.get(switch (f) {
            case ADDRESS -> "call.cad.address";
            case WARD -> "call.cad.ward";
            case CALLBACK -> "call.cad.callback";
            case NATURE_CODE -> "call.cad.natureCode";
            case PRIORITY -> "call.cad.priority";
            case UNITS -> "call.cad.units";
            case PEOPLE -> "call.cad.people";
            case INJURIES -> "call.cad.injuries";
            case BREATHING -> "call.cad.breathing";
            case CONSCIOUS -> "call.cad.conscious";
            case HAZARDS -> "call.cad.hazards";
            case WEAPONS -> "call.cad.weapons";
            case SUSPECT -> "call.cad.suspect";
            case VEHICLES -> "call.cad.vehicles";
            case NOTES -> "call.cad.notes";
        });
    }

    static String cadPrompt(CadField f) {
        return Text.get(switch (f) {
            case ADDRESS -> "call.cad.prompt.address";
            case WARD -> "call.cad.prompt.ward";
            case CALLBACK -> "call.cad.prompt.callback";
            case NATURE_CODE -> "call.cad.prompt.natureCode";
            case PRIORITY -> "call.cad.prompt.priority";
            case UNITS -> "call.cad.prompt.units";
            case PEOPLE -> "call.cad.prompt.people";
            case INJURIES -> "call.cad.prompt.injuries";
            case BREATHING -> "call.cad.prompt.breathing";
            case CONSCIOUS -> "call.cad.prompt.conscious";
            case HAZARDS -> "call.cad.prompt.hazards";
            case WEAPONS -> "call.cad.prompt.weapons";
            case SUSPECT -> "call.cad.prompt.suspect";
            case VEHICLES -> "call.cad.prompt.vehicles";
            case NOTES -> "call.cad.prompt.notes";
        });
    }

    /** A unit's call sign as a person says it: "AMBULANCE-02" is "Ambulance 02". */
    static String unit(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String[] parts = id.split("-");
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(p.equals("SWAT") ? p : p.charAt(0) + p.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    /** When a responding unit gets there, in minutes. */
    static String eta(String state, Long seconds) {
        if ("ON_SCENE".equals(state)) {
            return Text.get("call.units.arrived");
        }
        if (seconds == null || seconds < 0) {
            return "";
        }
        return seconds < 60 ? Text.get("call.units.etaUnderMinute")
                : Text.get("call.units.eta", (seconds + 59) / 60);
    }

    /** A unit type asked for in the trainee's words, from its responder name (e.g. TRAFFIC_CONTROL). */
    static String responder(String type) {
        return Text.get(switch (type) {
            case "POLICE" -> "call.responder.police";
            case "SWAT" -> "call.responder.swat";
            case "FIRE" -> "call.responder.fire";
            case "AMBULANCE" -> "call.responder.ambulance";
            default -> "call.responder.traffic";
        });
    }
}
