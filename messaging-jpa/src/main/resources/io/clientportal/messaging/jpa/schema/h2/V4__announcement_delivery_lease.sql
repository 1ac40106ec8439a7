-- Client-portal messaging, schema version 4.
-- An announcement's delivery is leased to one node: the holder renews the lease with every chunk it delivers, and any
-- node takes over an unfinished announcement whose lease ran out (its holder died). Both null: no node delivers it.
ALTER TABLE messaging_announcement ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE messaging_announcement ADD COLUMN lease_until TIMESTAMP(6) WITH TIME ZONE;
