"use client";

/**
 * `@streamkit/hooks/media`: clips, watermark profiles, additional audio tracks and storage
 * usage, over `@streamkit/core/media`. A subpath of its own so apps that only play and upload do
 * not carry them.
 */
