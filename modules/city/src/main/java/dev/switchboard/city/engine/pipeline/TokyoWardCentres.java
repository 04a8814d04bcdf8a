package dev.switchboard.city.engine.pipeline;

import dev.switchboard.places.Ward;
import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokyo's 23 special wards as centre points only (from the control-room issue), so that the benchmark and
 * the pipeline tests run without the city pack; districts are then nearest-centre cells.
 */
final class TokyoWardCentres {

    private static final Object[][] WARDS = {
        {"Chiyoda", "千代田区", 35.6940, 139.7536}, {"Chuo", "中央区", 35.6707, 139.7720},
        {"Minato", "港区", 35.6581, 139.7514}, {"Shinjuku", "新宿区", 35.6938, 139.7036},
        {"Bunkyo", "文京区", 35.7081, 139.7523}, {"Taito", "台東区", 35.7126, 139.7800},
        {"Sumida", "墨田区", 35.7107, 139.8015}, {"Koto", "江東区", 35.6730, 139.8170},
        {"Shinagawa", "品川区", 35.6092, 139.7302}, {"Meguro", "目黒区", 35.6415, 139.6982},
        {"Ota", "大田区", 35.5613, 139.7160}, {"Setagaya", "世田谷区", 35.6464, 139.6532},
        {"Shibuya", "渋谷区", 35.6640, 139.6982}, {"Nakano", "中野区", 35.7074, 139.6638},
        {"Suginami", "杉並区", 35.6995, 139.6364}, {"Toshima", "豊島区", 35.7263, 139.7165},
        {"Kita", "北区", 35.7528, 139.7337}, {"Arakawa", "荒川区", 35.7361, 139.7834},
        {"Itabashi", "板橋区", 35.7512, 139.7093}, {"Nerima", "練馬区", 35.7356, 139.6517},
        {"Adachi", "足立区", 35.7750, 139.8044}, {"Katsushika", "葛飾区", 35.7434, 139.8472},
        {"Edogawa", "江戸川区", 35.7067, 139.8683},
    };

    private TokyoWardCentres() {
    }

    static List<Ward> wards() {
        List<Ward> wards = new ArrayList<>(WARDS.length);
        for (Object[] w : WARDS) {
            String name = (String) w[0];
            wards.add(new Ward(name.toLowerCase(Locale.ROOT), name, (String) w[1],
                    new LatLon((Double) w[2], (Double) w[3]), List.of()));
        }
        return wards;
    }

    static Districts districts() {
        return Districts.fromWards(wards());
    }
}
