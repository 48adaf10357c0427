package io.imggenhub.vast.api;

import java.util.List;

/** One page of {@code GET /api/v1/instances/}: its rows, the total the server counts, the next cursor (vast-api.md §3.1). */
public record InstancePage(List<Instance> instances, Integer totalInstances, String nextToken) {
    /** Rows a page holds: the {@code limit} every listing asks for. */
    public static final int PAGE_SIZE = 25;
    /** Rows beyond the first page's {@code total_instances} that a listing still reads (instances rented meanwhile). */
    static final int PAGING_MARGIN_ROWS = 50;

    private static final int MAX_PAGES = 10_000;

    /**
     * The most pages a listing reads: the first page's {@code total_instances} plus a margin, so a server whose
     * cursor never ends cannot keep a caller paging for ever.
     */
    public static int pageBound(Integer totalInstances) {
        return totalInstances == null
                ? MAX_PAGES
                : (Math.max(0, totalInstances) + PAGING_MARGIN_ROWS + PAGE_SIZE - 1) / PAGE_SIZE + 1;
    }
}
