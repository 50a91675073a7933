"use client";

/**
 * `@streamkit/ui/media`: the clip editor, watermark picker and manager, audio tracks panel and
 * storage meter, over `@streamkit/hooks/media`. A subpath of its own so apps that do not edit
 * media do not carry them.
 */
