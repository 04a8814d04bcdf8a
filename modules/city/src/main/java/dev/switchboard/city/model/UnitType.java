package dev.switchboard.city.model;

import dev.switchboard.places.BaseType;
import dev.switchboard.places.TravelSpeed;

/** The kinds of response unit, with their typical road speed. */
public enum UnitType implements TravelSpeed {
    POLICE(BaseType.POLICE, 50),
    SWAT(BaseType.POLICE, 45),
    AMBULANCE(BaseType.HOSPITAL, 45),
    FIRE(BaseType.FIRE, 40),
    TRAFFIC(BaseType.TRAFFIC, 50);

    private final BaseType home;
    private final double speedKmh;

    UnitType(BaseType home, double speedKmh) {
        this.home = home;
        this.speedKmh = speedKmh;
    }

    /** The kind of base this unit starts from and returns to. */
    public BaseType home() {
        return home;
    }

    /** Average speed on an arterial road, km/h; streets are slower (see the road network). */
    @Override
    public double speedKmh() {
        return speedKmh;
    }
}
