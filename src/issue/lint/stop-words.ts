/**
 * Vietnamese function syllables, folded (no accents, lowercase) as words.ts compares them: they
 * carry no topic, so a title sharing only these with a body shares nothing.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `va voi cua cho cac nhung mot hai ba bon nam trong ngoai tren duoi de la co duoc bi tai ve tu theo den khi da se dang
  nay kia do day ay thi ma nen neu hay hoac nhu hon nhat rat cung con van lai ra vao len xuong qua boi vi sau truoc
  gi nao sao lam bao nhieu moi tung cung khong chua chang viec su nguoi ngay thang tuan sang chieu toi
  phai can nham bang giua cho toi chi deu nua vua moi thuc hien tien hanh`
    .split(/\s+/)
    .filter(Boolean),
);
