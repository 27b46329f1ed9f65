/** Officer actions in the console: each action's form, its submission and its outcome (处理中, applied, refused). */
export const consoleActions = {
  processing: '处理中：操作已送达，正在等待办理结果…',
  applied: '已办理',
  stillRunning: '操作仍在办理中（编号 {{updateId}}），请稍后刷新查看结果。',
  refused: '未能办理：',
  refusedAtFields: '未能办理：请按各栏提示修改后重新提交。',
};
