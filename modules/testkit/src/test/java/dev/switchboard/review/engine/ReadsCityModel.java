package dev.switchboard.review.engine;

import dev.switchboard.city.model.District;

/** Architecture fixture: reading another capability's model is allowed. */
public class ReadsCityModel {
    District[] districts;
}
