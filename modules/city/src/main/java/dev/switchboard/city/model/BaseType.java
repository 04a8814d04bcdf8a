package dev.switchboard.city.model;

/** What a base houses. */
public enum BaseType {
    POLICE, FIRE, HOSPITAL, TRAFFIC
}
