import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

describe('classify: channel cells use the vocabulary of channels.ts', () => {
  it.each([
    ['政府网站', 'channel'],
    ['政府网站、政务新媒体', 'channel'],
    ['政务新媒体√', 'channel'],
    ['政务微博', 'channel'], // an alias of 两微一端 (channels.ts), absent from the old word list
    ['12345热线', 'channel'], // a known local channel
    ['■政府网站 □政府公报', 'channel'],
    ['会议纪要', 'name'], // 会议 is a local channel, but here it starts a longer word
    ['其他事项', 'name'],
    ['政府网站建设管理', 'name'],
  ])('%s: %s', (text, kind) => {
    expect(classify(text)).toBe(kind);
  });
});
