package dev.switchboard.app.surveillance;

import dev.switchboard.places.CityPack;
import dev.switchboard.city.engine.pipeline.Districts;
import dev.switchboard.city.engine.pipeline.PipelineConfig;
import dev.switchboard.city.engine.pipeline.SecurityGenerator;
import dev.switchboard.city.engine.pipeline.SensorFeed;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.surveillance.engine.CameraDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The control room's security cameras as surveillance's camera directory: the same generator, seed and districts
 * the control room starts with, so camera 12 here is the camera the map shows.
 */
public final class ControlRoomCameras {

    /** The control room's default seed (its seed field starts at 42). */
    public static final long CONTROL_ROOM_SEED = 42;

    private ControlRoomCameras() {
    }

    public static CameraDirectory of(CityPack city) {
        Districts districts = Districts.of(city);
        SecurityGenerator security = new SensorFeed(PipelineConfig.defaults().withSeed(CONTROL_ROOM_SEED), districts)
                .security();
        List<CameraDirectory.Site> sites = new ArrayList<>(security.sensors());
        for (int i = 0; i < security.sensors(); i++) {
            int ward = security.sensorWard(i);
            sites.add(new CameraDirectory.Site(security.sensorId(i), districts.id(ward), districts.name(ward),
                    new LatLon(security.sensorLat(i), security.sensorLon(i))));
        }
        return CameraDirectory.of(sites);
    }
}
