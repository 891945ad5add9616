package org.offops.network.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A link's key as stored: the identity in clear, the key sealed (AES-GCM nonce + ciphertext). */
@Entity
@Table(name = "link_psk")
@IdClass(PskEntity.Key.class)
public class PskEntity extends PanacheEntityBase {
    @Id
    @Column(name = "link_name")
    public String linkName;
    @Id
    public String identity;
    public byte[] sealed;
    /** active | next */
    public String state;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Composite primary key. */
    public record Key(String linkName, String identity) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
