package dev.switchboard.app;

import dev.switchboard.city.engine.RouteTable;
import dev.switchboard.review.ui.ReachesIntoCity;

/** Architecture fixture: the composition root may see every module. */
public class Shell {
    RouteTable routes;
    ReachesIntoCity review;
}
