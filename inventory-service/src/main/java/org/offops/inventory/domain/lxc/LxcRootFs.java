package org.offops.inventory.domain.lxc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code rootfs} line: {@code rootfs: zfs-hdd:subvol-130-disk-0,size=30G}. */
public record LxcRootFs(String volume, List<LxcOption> options) {

    public LxcRootFs {
        Objects.requireNonNull(volume, "volume");
        LxcOption.checkValue("volume", volume);
        options = List.copyOf(options);
    }

    public Optional<String> option(String key) {
        return LxcOption.find(options, key);
    }

    /** {@code size=}, e.g. {@code 30G}, as written. */
    public Optional<String> size() {
        return option("size");
    }

    public static LxcRootFs parse(String value) {
        List<LxcOption> all = LxcOption.parseList(value, "volume");
        String volume = LxcOption.find(all, "volume")
                .orElseThrow(() -> new IllegalArgumentException("rootfs has no volume"));
        List<LxcOption> rest = new ArrayList<>(all);
        rest.removeIf(o -> o.key().equals("volume"));
        return new LxcRootFs(volume, rest);
    }
}
