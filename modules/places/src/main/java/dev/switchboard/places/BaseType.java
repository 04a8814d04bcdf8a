package dev.switchboard.places;

/** What a base houses. */
public enum BaseType {
    POLICE, FIRE, HOSPITAL, TRAFFIC
}
