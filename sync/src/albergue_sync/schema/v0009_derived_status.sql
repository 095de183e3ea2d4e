-- Schema version 9: only what staff set is stored. Frozen once released.

-- bed.status keeps what staff set (available, or out_of_service with a reason); whether a
-- bed is occupied follows from the open stays, so it is never written: no merge has to
-- repair it, and two centers never race on it. Every file runs this same update when it is
-- upgraded (an older center's file is upgraded on the engine's copy), so it needs no stamp.
UPDATE bed SET status = 'available' WHERE status = 'occupied';

-- household.size is the number of its live members: counted where it is shown.
ALTER TABLE household DROP COLUMN size;
