package dev.groundwork.api.retrieval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleRunsTest {

    @Test
    void summarisesAPlanByItsScanNodesOutermostFirst() {
        List<String> plan = List.of(
                "Sort (actual time=3.1..3.2 rows=50 loops=1)",
                "  Sort Key: top.distance, top.id",
                "  ->  Limit (actual time=1.0..3.0 rows=50 loops=1)",
                "        ->  Index Scan using chunks_embedding_hnsw on chunks c (actual time=1.0..2.9 rows=50 loops=1)",
                "              Filter: ((model_id = 'm'::text) AND ((topic_id = ANY ('{}'::uuid[]))))",
                "              Rows Removed by Filter: 4950",
                "              Buffers: shared hit=9000",
                "Planning Time: 0.3 ms");
        assertThat(ScaleRuns.plan(plan)).isEqualTo("Index Scan using chunks_embedding_hnsw on chunks c");
    }

    @Test
    void joinsNestedScans() {
        List<String> plan = List.of(
                "->  Bitmap Heap Scan on chunks c (actual time=1..2 rows=900 loops=1)",
                "      ->  BitmapOr (actual time=1..1 rows=0 loops=1)",
                "            ->  Bitmap Index Scan on chunks_resource (actual time=1..1 rows=900 loops=1)");
        assertThat(ScaleRuns.plan(plan))
                .isEqualTo("Bitmap Heap Scan on chunks c → Bitmap Index Scan on chunks_resource");
    }
}
