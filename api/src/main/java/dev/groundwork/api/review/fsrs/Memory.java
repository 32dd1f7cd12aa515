package dev.groundwork.api.review.fsrs;

/**
 * What FSRS knows about how well an item is remembered.
 *
 * @param stability  days for retrievability to fall to 90%; 0 before the first grade
 * @param difficulty 1 … 10; 0 before the first grade
 */
record Memory(double stability, double difficulty) {

    /** Before the first grade. */
    static final Memory NONE = new Memory(0, 0);

    boolean isNone() {
        return stability == 0 && difficulty == 0;
    }
}
