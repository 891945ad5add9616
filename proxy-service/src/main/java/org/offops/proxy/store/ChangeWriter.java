package org.offops.proxy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.offops.proxy.domain.ConfigChange;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Versions;

/** An operator's site or bot-rule change as rows, with the version check that keeps two operators apart. */
@ApplicationScoped
public class ChangeWriter {

    private final SpecCodec codec;

    public ChangeWriter(SpecCodec codec) {
        this.codec = codec;
    }

    /** Checks {@code change} against the stored rows (404, 409, 412) and, if {@code write}, stores it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(ConfigChange change, boolean write) {
        if (change instanceof ConfigChange.PutSite put) {
            SiteEntity row = SiteEntity.findById(put.site().id());
            if (put.expectedVersion() == null && row != null) {
                throw ApiException.conflict("site " + put.site().id() + " already exists", "id");
            }
            if (put.expectedVersion() != null) {
                if (row == null) {
                    throw ApiException.notFound("no site " + put.site().id());
                }
                Versions.requireMatch(put.expectedVersion(), row.version, "site " + put.site().id());
            }
            if (write) {
                row = row == null ? new SiteEntity() : row;
                row.id = put.site().id();
                row.host = put.site().host();
                row.spec = codec.write(put.site());
                row.updatedAt = OffsetDateTime.now();
                row.persist();
            }
        } else if (change instanceof ConfigChange.DeleteSite delete) {
            SiteEntity row = SiteEntity.<SiteEntity>findByIdOptional(delete.id())
                    .orElseThrow(() -> ApiException.notFound("no site " + delete.id()));
            Versions.requireMatch(delete.expectedVersion(), row.version, "site " + delete.id());
            if (write) {
                row.delete();
            }
        } else if (change instanceof ConfigChange.PutRule put) {
            BotRuleEntity row = BotRuleEntity.findById(put.rule().name());
            if (put.expectedVersion() == null && row != null) {
                throw ApiException.conflict("bot rule " + put.rule().name() + " already exists", "name");
            }
            if (put.expectedVersion() != null) {
                if (row == null) {
                    throw ApiException.notFound("no bot rule " + put.rule().name());
                }
                Versions.requireMatch(put.expectedVersion(), row.version, "bot rule " + put.rule().name());
            }
            if (write) {
                row = row == null ? new BotRuleEntity() : row;
                row.name = put.rule().name();
                row.spec = codec.write(put.rule());
                row.updatedAt = OffsetDateTime.now();
                row.persist();
            }
        } else if (change instanceof ConfigChange.DeleteRule delete) {
            BotRuleEntity row = BotRuleEntity.<BotRuleEntity>findByIdOptional(delete.name())
                    .orElseThrow(() -> ApiException.notFound("no bot rule " + delete.name()));
            Versions.requireMatch(delete.expectedVersion(), row.version, "bot rule " + delete.name());
            if (write) {
                row.delete();
            }
        }
    }
}
