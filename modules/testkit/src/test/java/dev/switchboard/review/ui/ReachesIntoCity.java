package dev.switchboard.review.ui;

import dev.switchboard.city.engine.RouteTable;

/** Architecture fixture: breaks CAPABILITIES_INDEPENDENT. */
public class ReachesIntoCity {
    RouteTable routes;
}
