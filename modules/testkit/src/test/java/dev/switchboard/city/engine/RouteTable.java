package dev.switchboard.city.engine;

/** Architecture fixture: engine logic that belongs to the city capability alone. */
public class RouteTable {
}
